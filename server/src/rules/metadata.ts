import { defineRule } from './types';
export default defineRule({ id: 'metadata', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
