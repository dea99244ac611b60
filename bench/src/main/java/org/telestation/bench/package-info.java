/** JMH benchmarks: run {@code java -jar bench/target/benchmarks.jar} after {@code mvn -pl bench -am package}. */
package org.telestation.bench;
