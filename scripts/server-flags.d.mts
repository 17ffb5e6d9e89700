/** See server-flags.mjs. */
export declare const SERVER_NODE_FLAGS: readonly string[];
/** The environment the server runs with (UV_THREADPOOL_SIZE 16 unless set); see server-flags.mjs. */
export declare function serverEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
