namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>One running API process and a client for it.</summary>
public sealed class ApiHost(Uri baseAddress, ApiProcess process) : IDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    public ApiProcess Process { get; } = process;

    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }
}
