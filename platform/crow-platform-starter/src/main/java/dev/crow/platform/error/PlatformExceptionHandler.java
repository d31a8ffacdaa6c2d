package dev.crow.platform.error;

import dev.crow.platform.web.RequestIds;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become HTTP answers in the platform's error body. Validation
 * messages name the field but never echo schemas, values or stack traces.
 */
@RestControllerAdvice
public class PlatformExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    @ExceptionHandler(CrowException.class)
    ResponseEntity<ErrorBody> crow(CrowException e) {
        if (e.kind() == ErrorKind.INTERNAL) {
            log.error("internal failure: {}", e.getMessage());
        }
        return body(e.kind(), e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalidBody(MethodArgumentNotValidException e) {
        FieldError field = e.getBindingResult().getFieldError();
        String name = field != null ? field.getField() : e.getBindingResult().getObjectName();
        return invalid(name);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
        String name = e.getParameterValidationResults().stream()
                .map(result -> result.getMethodParameter().getParameterName())
                .filter(n -> n != null)
                .findFirst()
                .orElse("request");
        return invalid(name);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorBody> constraint(ConstraintViolationException e) {
        String name = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return path.substring(path.lastIndexOf('.') + 1);
                })
                .findFirst()
                .orElse("request");
        return invalid(name);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return body(ErrorKind.VALIDATION, ErrorKind.VALIDATION.defaultCode(),
                ErrorBody.INVALID_PARAMETERS + ": malformed or missing request body");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return invalid(e.getParameterName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException e) {
        return invalid(e.getHeaderName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException e) {
        return invalid(e.getRequestPartName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(e.getName());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(TypeMismatchException e) {
        return invalid(e.getPropertyName() != null ? e.getPropertyName() : "request");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return body(ErrorKind.METHOD_NOT_ALLOWED, ErrorKind.METHOD_NOT_ALLOWED.defaultCode(),
                "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(ErrorKind.UNSUPPORTED_MEDIA_TYPE, ErrorKind.UNSUPPORTED_MEDIA_TYPE.defaultCode(),
                "Unsupported content type");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(ErrorKind.VALIDATION, "NOT_ACCEPTABLE", "No acceptable representation");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return body(ErrorKind.NOT_FOUND, ErrorKind.NOT_FOUND.defaultCode(), "Not found");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return body(ErrorKind.PAYLOAD_TOO_LARGE, ErrorKind.PAYLOAD_TOO_LARGE.defaultCode(), "Payload too large");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> multipart(MultipartException e) {
        return body(ErrorKind.VALIDATION, ErrorKind.VALIDATION.defaultCode(),
                ErrorBody.INVALID_PARAMETERS + ": malformed multipart body");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
        return body(ErrorKind.FORBIDDEN, ErrorKind.FORBIDDEN.defaultCode(), "Forbidden");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorBody> integrity(DataIntegrityViolationException e) {
        log.warn("data integrity violation: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return body(ErrorKind.CONFLICT, ErrorKind.CONFLICT.defaultCode(), "The request conflicts with existing data");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ErrorBody> concurrentUpdate(OptimisticLockingFailureException e) {
        return body(ErrorKind.CONFLICT, ErrorKind.CONFLICT.defaultCode(), "The resource was changed concurrently");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return body(ErrorKind.INTERNAL, ErrorKind.INTERNAL.defaultCode(), "Internal server error");
    }

    private static ResponseEntity<ErrorBody> invalid(String field) {
        return body(ErrorKind.VALIDATION, ErrorKind.VALIDATION.defaultCode(),
                ErrorBody.INVALID_PARAMETERS + ": " + field);
    }

    static ResponseEntity<ErrorBody> body(ErrorKind kind, String code, String message) {
        return ResponseEntity.status(kind.status()).body(ErrorBody.of(code, message, RequestIds.current()));
    }
}
