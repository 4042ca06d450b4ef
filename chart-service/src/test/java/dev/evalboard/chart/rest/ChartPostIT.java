package dev.evalboard.chart.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The POST routes again, against the packaged application (target/quarkus-app) as it ships, in its own JVM. */
@QuarkusIntegrationTest
class ChartPostIT extends ChartPostTest {
}
