package com.nexustrade.repro.cli;

import com.nexustrade.repro.http.ExtraHeader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --header 'Name: value'; a malformed one is a usage error (exit 2), not a crash. */
public final class ExtraHeaderConverter implements ITypeConverter<ExtraHeader> {

    @Override
    public ExtraHeader convert(String value) {
        try {
            return ExtraHeader.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
