import { defineRule } from './types';
export default defineRule({ id: 'parse-limit', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
