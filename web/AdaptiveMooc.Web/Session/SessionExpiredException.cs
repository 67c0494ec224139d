namespace AdaptiveMooc.Web.Session;

/// <summary>The session's tokens are gone (signed out elsewhere, refresh refused, web restarted): sign in again.</summary>
public sealed class SessionExpiredException : Exception
{
    public SessionExpiredException()
        : base("Your session has ended: please sign in again.")
    {
    }

    public SessionExpiredException(string message)
        : base(message)
    {
    }

    public SessionExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
