"""An mdvet plugin with one rule, TD001 (todo-note)."""

from mdvet_todo.todo_note import TodoNote

__all__ = ["TodoNote"]
