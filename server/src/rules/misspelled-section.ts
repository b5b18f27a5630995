import { defineRule } from './types';
export default defineRule({ id: 'misspelled-section', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
