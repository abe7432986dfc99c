// Console adapter entry: what src/main.ts wires when no platform token is configured.
export { type ConsoleAdapterOptions, printBriefing, runConsoleLine, startConsoleAdapter } from './adapter.ts';
