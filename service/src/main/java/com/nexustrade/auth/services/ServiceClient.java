package com.nexustrade.auth.services;

import java.util.List;

/** An internal service allowed to obtain service tokens. */
public record ServiceClient(String id, List<String> permissions) {
    public ServiceClient {
        permissions = List.copyOf(permissions);
    }
}
