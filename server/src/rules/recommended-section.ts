import { defineRule } from './types';
export default defineRule({ id: 'recommended-section', severity: 'info', description: { en: 'TODO', ru: 'TODO' }, messages: {}, check() {} });
