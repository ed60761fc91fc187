package io.ccapi.operator.ccapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON dialect of ccapi: UpperCamelCase names (records carry camelCase components), unknown fields
 * ignored, absent values omitted, {@code ""} accepted where an object is expected (the platform answers
 * {@code "Result": ""} for "no result").
 */
public final class CcapiJson {
  private CcapiJson() {}

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();
}
