package org.telestation.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TelestationServer {
    public static void main(String[] args) {
        SpringApplication.run(TelestationServer.class, args);
    }
}
