import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const pages = {
  track: resolve(__dirname, "track.html"),
  wall: resolve(__dirname, "wall.html"),
  planner: resolve(__dirname, "planner.html"),
  rules: resolve(__dirname, "rules.html"),
};

// The silo serves /track/{orderId}, /wall, /planner and /rules; the dev server answers the same paths.
function siloRoutes(): Plugin {
  const routes: [RegExp, string][] = [
    [/^\/track\/[^/?]+(\?.*)?$/, "/track.html"],
    [/^\/wall\/?(\?.*)?$/, "/wall.html"],
    [/^\/planner\/?(\?.*)?$/, "/planner.html"],
    [/^\/rules\/?(\?.*)?$/, "/rules.html"],
  ];
  return {
    name: "ordergrid-silo-routes",
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const match = routes.find(([pattern]) => pattern.test(request.url ?? ""));
        if (match) {
          const query = request.url!.includes("?") ? request.url!.slice(request.url!.indexOf("?")) : "";
          request.url = match[1] + query;
        }
        next();
      });
    },
  };
}

const silo = process.env.ORDERGRID_URL ?? "http://localhost:5080";

export default defineConfig({
  base: "/",
  plugins: [siloRoutes()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: pages,
      onwarn(warning, warn) {
        // @microsoft/signalr ships /*#__PURE__*/ comments where Rollup cannot use them; dropping them is harmless.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("@microsoft/signalr")) {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/api": silo,
      "/hubs": { target: silo, ws: true },
    },
  },
});
