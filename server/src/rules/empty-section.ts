import { defineRule } from './types';
export default defineRule({ id: 'empty-section', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
