package org.hotelmesh.edge.config;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.hotelmesh.support.validation.PlainText;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A wrong JSON type is a 400, not a silent conversion: 1.5 is not a floor, 5 is not a name, "true" is not a boolean
 * and "1.5" not a number. Ids and other whole numbers stay accepted as a number or a string of ASCII digits, as the
 * contract says. A body is one JSON value and nothing after it, and names each
 * field once: trailing bytes or a duplicated key are a 400, never the first or last of two values picked silently.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // "ratio": "1.5" and "rooms": "2" are strings, not numbers
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // Whole numbers (ids among them) may come as strings of digits, as the contract says: of ASCII digits only
        mapper.registerModule(new SimpleModule("ascii-digits")
                .addDeserializer(Long.class, new AsciiDigits<>(Long.class, Long::parseLong))
                .addDeserializer(Integer.class, new AsciiDigits<>(Integer.class, Integer::parseInt))
                .addDeserializer(String.class, new PlainStrings()));
    }

    /**
     * A whole number from a JSON number, or from a string of ASCII digits; never from other digits the JDK would read
     * ("١٢٣", "１２３"), signs, spaces or exponents in a string.
     */
    static final class AsciiDigits<T> extends StdScalarDeserializer<T> {

        private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");

        private final transient Function<String, T> parse;

        AsciiDigits(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                Object value = handledType() == Long.class ? (Object) p.getLongValue() : (Object) p.getIntValue();
                @SuppressWarnings("unchecked")
                T typed = (T) value;
                return typed;
            }
            if (p.hasToken(JsonToken.VALUE_STRING) && DIGITS.matcher(p.getText()).matches()) {
                try {
                    return parse.apply(p.getText());
                } catch (NumberFormatException tooLarge) {
                    throw new InputCoercionException(p, "Numeric value (" + p.getText() + ") out of range",
                            JsonToken.VALUE_STRING, handledType());
                }
            }
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
    }

    /**
     * Text as people type it ({@link PlainText}): a lone surrogate, a control character or a bidirectional override
     * is a 400 naming the field, never stored as "?" or as sent.
     */
    static final class PlainStrings extends StdScalarDeserializer<String> {

        PlainStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            Optional<String> problem = PlainText.problem(value);
            if (problem.isPresent()) {
                throw new NotPlainText(p, problem.get());
            }
            return value;
        }
    }

    /** A string that is not plain text; the reason is the field violation's. */
    public static final class NotPlainText extends JsonMappingException {

        private final String reason;

        NotPlainText(JsonParser p, String reason) {
            super(p, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
