import '../services/engine';
