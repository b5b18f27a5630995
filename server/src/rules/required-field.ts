import { defineRule } from './types';
export default defineRule({ id: 'required-field', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
