namespace AdaptiveMooc.Api.Xapi.Cmi5;

internal sealed class Cmi5PackageException(string message) : Exception(message);
