package dev.fieldguide.orders.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Input the service understood but cannot accept; answered 400 with the given code. */
public class BadRequestException extends ErrorResponseException {

  public BadRequestException(String code, String detail) {
    super(HttpStatus.BAD_REQUEST);
    getBody().setTitle("Bad Request");
    getBody().setDetail(detail);
    getBody().setProperty(Problems.CODE, code);
  }
}
