/** zod, configured before any schema is built (./zod-config.ts): import `z` from here, never from "zod". */
import "./zod-config";

export { z } from "zod";
