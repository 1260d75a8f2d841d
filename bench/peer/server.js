// The peer for side-by-side runs: csakg's graph served by the Neo4j
// GraphQL Library on Apollo Server, on the same Neo4j. The type
// definitions (typeDefs.graphql) describe the graph csakg loads; the
// benchmark (go run ./bench -peer URL) sends both servers the same
// questions, each in its own query syntax.
//
//   NEO4J_URI=bolt://127.0.0.1:7690 NEO4J_PASSWORD=... PEER_PORT=4000 node server.js
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const neo4j = require("neo4j-driver");
const { Neo4jGraphQL } = require("@neo4j/graphql");
const { ApolloServer } = require("@apollo/server");
const { startStandaloneServer } = require("@apollo/server/standalone");

async function main() {
  const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
  const user = process.env.NEO4J_USER || "neo4j";
  const password = process.env.NEO4J_PASSWORD || "";
  const port = Number(process.env.PEER_PORT || 4000);
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  await driver.verifyConnectivity();

  const typeDefs = fs.readFileSync(path.join(__dirname, "typeDefs.graphql"), "utf8");
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  // Bound to loopback only: the peer is for benchmarks on this machine.
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
  console.log(`peer ready at ${url}`);

  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
