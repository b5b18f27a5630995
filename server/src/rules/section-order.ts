import { defineRule } from './types';
export default defineRule({ id: 'section-order', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
