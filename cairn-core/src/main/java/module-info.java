/**
 * Cairn's shared vocabulary: {@code Result}/{@code Failure}, the {@code CairnException} family, store URLs and
 * JSON. Jackson's {@code ObjectMapper} is part of the API ({@code Json.mapper()}), so it is required transitively.
 */
module dev.cairn.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports dev.cairn.core;
}
