package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which coding a response is sent in, for each Accept-Encoding the service was seen answering; and what decodes. */
class ContentCodingTest {
    private static final int BIG = ContentCoding.COMPRESSION_THRESHOLD;

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "gzip | gzip",
        "deflate | deflate",
        "identity | none",
        "'' | none",
        "br | none",
        "zstd | none",
        "compress | none",
        "x-gzip | none",
        "gzip, deflate | gzip",
        "br, identity, deflate, gzip | deflate",
        "GZIP, identity | gzip",
        "dog, gzip ,, cat | gzip",
        "gzip;q=0.8, deflate;q=0.5 | gzip",
        "br, gzip;q=0, deflate; q = 0.5 , identity;q=0 | deflate",
        "* | gzip",
        "*, deflate;q=0.5 | gzip",
        "*, deflate | deflate",
        "*, identity | gzip",
        "*, gzip;q=0.5 | deflate",
        "gzip ;q=0 | none",
        "identity;q=0 | none",
        "*;q=0 | none",
        "*;q=0.5,identity | gzip",
        "gzip;q=0.5,identity;q=0.8 | gzip",
        "br;q=0.8,identity;q=0.5,*;q=0 | none",
        "\"gzip\" | none",
        "gzip br | none",
        "gzip:q=1 | none",
        "deflate;q=0.5, gzip;q=31 | gzip",
        "gzip;q=31,deflate;q=51 | gzip",
        "deflate;q=0.5, gzip;q=0.2 | deflate",
        "deflate;q=0.5, gzip;q=1;q=0.2 | gzip",
        "deflate;q=0.5,gzip;q=0. | deflate",
        "deflate;q=0.5,gzip;q=0.x | gzip",
        "deflate;q=-0.5,gzip;q=0.2 | gzip",
        "gzip;nq=1;q=0  | none",
        "gzip;q=0, gzip;q=1, gzip;q=0 | gzip",
        "br,identity;q=0.5,gzip;q=0.0001 | gzip",
    })
    void acceptEncodingChoosesTheServicesCoding(String acceptEncoding, String coding) {
        ContentCoding chosen = ContentCoding.negotiate(acceptEncoding, BIG);
        assertThat(chosen == null ? null : chosen.token).isEqualTo(coding);
    }

    @Test
    void responsesUnder4KibAreNeverCompressed() {
        assertThat(ContentCoding.negotiate("gzip", BIG - 1)).isNull();
        assertThat(ContentCoding.negotiate("gzip", BIG)).isEqualTo(ContentCoding.GZIP);
        assertThat(ContentCoding.negotiate(null, 1 << 20)).isNull();
    }

    @Test
    void gzipAndDeflateBodiesDecodeAndConcatenatedGzipMembersAreOneBody() throws IOException {
        byte[] json = "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentCoding.decode("gzip", ContentCoding.GZIP.encode(json))).isEqualTo(json);
        assertThat(ContentCoding.decode("GZIP", ContentCoding.GZIP.encode(json))).isEqualTo(json);
        assertThat(ContentCoding.decode("deflate", ContentCoding.DEFLATE.encode(json))).isEqualTo(json);
        assertThat(ContentCoding.decode("identity", json)).isSameAs(json);
        assertThat(ContentCoding.decode(null, json)).isSameAs(json);
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.write(gzip(Arrays.copyOf(json, 5)));
        two.write(gzip(Arrays.copyOfRange(json, 5, json.length)));
        assertThat(ContentCoding.decode("gzip", two.toByteArray())).isEqualTo(json);
    }

    @Test
    void corruptEmptyAndUnknownEncodingsAreInternalServerErrors() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] gzip = ContentCoding.GZIP.encode(json);
        for (Object[] bad : new Object[][] {{"gzip", json}, {"gzip", new byte[0]}, {"gzip", Arrays.copyOf(gzip, gzip.length - 1)},
                {"deflate", json}, {"br", gzip}, {"garbage", json}}) {
            DynamoException error = catchThrowableOfType(() -> ContentCoding.decode((String) bad[0], (byte[]) bad[1]), DynamoException.class);
            assertThat(error.code()).as((String) bad[0]).isEqualTo(ErrorCode.INTERNAL_SERVER_ERROR);
            assertThat(error.getMessage()).isEqualTo("Internal server error");
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
