// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	site: 'https://harbour.example',
	integrations: [
		starlight({
			title: 'Harbour Guide',
			defaultLocale: 'root',
			locales: {
				root: { label: 'English', lang: 'en' },
				fr: { label: 'Français' },
			},
			sidebar: [
				{ label: 'Guides', autogenerate: { directory: 'guides' } },
				{ label: 'Reference', autogenerate: { directory: 'reference' } },
			],
		}),
	],
});
