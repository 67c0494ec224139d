namespace AdaptiveMooc.Api.Security;

public static class HttpContextCallerExtensions
{
    public static Caller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Security.Caller.From(context.User);
    }
}
