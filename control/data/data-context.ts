/**
 * The panel's data object travels by context: `control-app` provides it once, and every component
 * that needs it consumes it, so no template has to hand it down level by level.
 */
import { createContext } from '@lit/context';
import type { ControlData } from './control-data.ts';

export const controlDataContext = createContext<ControlData>(Symbol('control-data'));
