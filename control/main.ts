/** Entry point of the staff control panel page (/control). */
import './components/control-app.ts';
