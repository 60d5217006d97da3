package com.nexustrade.auth.api;

import jakarta.ws.rs.core.MediaType;

/** Every body the API sends is JSON in UTF-8, and says so (docs/api.md, "Conventions"). */
public final class JsonMediaType {

    public static final String UTF8 = MediaType.APPLICATION_JSON + "; charset=utf-8";
    public static final MediaType UTF8_TYPE = MediaType.valueOf(UTF8);

    private JsonMediaType() {
    }
}
