import sys
from pathlib import Path

# the plugin's tests run from a checkout too, installed or not
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
