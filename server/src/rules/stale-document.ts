import { defineRule } from './types';
export default defineRule({ id: 'stale-document', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
