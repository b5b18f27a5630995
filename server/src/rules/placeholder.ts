import { defineRule } from './types';
export default defineRule({ id: 'placeholder', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
