package dev.fieldguide.orders.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Input the service understood but cannot accept; answered 400 with the given code. */
public class BadRequestException extends ErrorResponseException {

  public BadRequestException(String code, String detail) {
    // Built before super(): the constructor then calls nothing a subclass could override.
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    body.setTitle("Bad Request");
    body.setProperty(Problems.CODE, code);
    super(HttpStatus.BAD_REQUEST, body, null);
  }
}
