import { defineRule } from './types';
export default defineRule({ id: 'duplicate-section', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
