// @ts-check

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Harbour Handbook',
  url: 'https://handbook.harbour.example',
  baseUrl: '/',
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.js',
        },
        blog: {
          showReadingTime: true,
        },
      },
    ],
  ],
};

module.exports = config;
