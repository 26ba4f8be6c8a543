"""Паника в Rust становится исключением pyo3_runtime.PanicException."""
import primes

try:
    primes.nth_prime(0)
except Exception:
    print("сюда не попадём: PanicException — не Exception")
except BaseException as error:
    print(f"{type(error).__module__}.{type(error).__name__}: {error}")
    print("BaseException:", isinstance(error, BaseException))

# модуль работает и после паники
print(primes.nth_prime(1))
