package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.error.DynamoException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authorization headers → the caller's access key and region, or the service's exact refusal. */
class CredentialsTest {
    private static final String DATE = "20260101T000000Z";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc | AKID | eu-west-1
            AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/dynamodb/aws4_request,SignedHeaders=host,Signature=abc           | AKID | eu-west-1
            '  AWS4-HMAC-SHA256 Signature=abc\tSignedHeaders=host\nCredential=k/20260101/ap-south-1/dynamodb/aws4_request  '       | k    | ap-south-1
            AWS4-HMAC-SHA256 Credential=k//, SignedHeaders=host, Signature=abc                                                 | k    | us-east-1
            AWS4-HMAC-SHA256 Credential=k, SignedHeaders=host, Signature=abc                                                   | k    | us-east-1
            AWS4-HMAC-SHA256 Credential=first/d/r1/s/x, Credential=second/d/r2/s/x, SignedHeaders=h, Signature=s                | first | r1
            AWS4-HMAC-SHA256 Credential=k/d/r\u00A0x/s/x, SignedHeaders=h, Signature=s                                          | k    | r\u00A0x
            AWS4-HMAC-SHA256 SignedHeaders=h;Credential=no/d/r1/s/x, XCredential=no/d/r2/s/x, Credential=yes/d/r3/s/x, Signature=s | yes | r3
            AWS4-HMAC-SHA256 Signature=s\u2003Credential=k/d/r4/s/x\u3000SignedHeaders=h                                    | k    | r4
            """)
    void readsTheCredentialScope(String header, String accessKey, String region) {
        assertThat(Credentials.fromAuthorization(header, DATE)).isEqualTo(new Credentials(accessKey, region));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AWS4-                                                      | Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-
            AWS4-HMAC-SHA256 Signature=b,Credential=a                  | Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Signature=b,Credential=a
            AWS4-HMAC-SHA256 Credential=, Signature=b, SignedHeaders=h | Authorization header requires 'Credential' parameter. Authorization=AWS4-HMAC-SHA256 Credential=, Signature=b, SignedHeaders=h
            AWS4-HMAC-SHA256 Credential= a, Signature=b, SignedHeaders=h, Credential=late | Authorization header requires 'Credential' parameter. Authorization=AWS4-HMAC-SHA256 Credential= a, Signature=b, SignedHeaders=h, Credential=late
            AWS4-HMAC-SHA256 Credentials=a, Signatures=b, SignedHeaders=h | Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credentials=a, Signatures=b, SignedHeaders=h
            AWS4-HMAC-SHA256 Credential=a, Signature=, SignedHeaders=h, Signature=late | Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=a, Signature=, SignedHeaders=h, Signature=late
            AWS4-HMAC-SHA256 Credential=a, XSignature=b, SignedHeaders=Signature=c | Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=a, XSignature=b, SignedHeaders=Signature=c
            """)
    void refusesAnIncompleteSignature(String header, String message) {
        assertThatThrownBy(() -> Credentials.fromAuthorization(header, DATE))
                .isInstanceOf(DynamoException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null
            Bearer token
            AWS3 Credential=a
            """)
    void refusesARequestWithoutAnAws4Header(String header) {
        assertThatThrownBy(() -> Credentials.fromAuthorization(header, DATE))
                .isInstanceOf(DynamoException.class)
                .hasMessageStartingWith("Request is missing Authentication Token");
    }
}
