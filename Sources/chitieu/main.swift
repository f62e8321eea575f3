import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

#if canImport(Glibc)
// Past a file-size limit (`ulimit -f`) the kernel would kill the process silently mid-write;
// ignored, the write fails with EFBIG instead, so the error is reported and the temporary removed.
signal(SIGXFSZ, SIG_IGN)
#endif

ChiTieu.main()
