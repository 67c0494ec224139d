namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// The status class a role must get. Allowed: anything but 401, 403, 404 and 5xx (the placeholder body
/// may well be refused with 400 or 409: that proves the caller got past authorization).
/// </summary>
public enum Expect
{
    Allowed,
    Unauthorized,
    Forbidden,
    NotFound,
}
