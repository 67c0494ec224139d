using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace AdaptiveMooc.Api.Tests.Transport;

/// <summary>
/// The attack of issue 16, finding 3: an Orleans client of its own, pointed at the running silo's gateway
/// port, calls a grain directly and so skips every API check. Without the cluster certificate it must get
/// nowhere; with it (the control) the same call goes through, so the test can tell the two apart.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayTlsTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_client_without_a_certificate_cannot_call_a_grain_through_the_gateway()
    {
        Assert.False(await TryCallGrainAsync(tls: null));
    }

    [Fact]
    public async Task A_client_with_a_certificate_the_cluster_does_not_pin_cannot_call_a_grain()
    {
        using var stranger = SelfSigned();
        Assert.False(await TryCallGrainAsync(new ClientTls(stranger, AcceptAnyServer: true)));
    }

    [Fact]
    public async Task A_client_with_the_cluster_certificate_can_call_a_grain()
    {
        var cluster = ClusterCertificate.LoadOrCreate(fixture.Platform.ClusterCertificatePath, null, null);
        Assert.True(File.Exists(fixture.Platform.ClusterCertificatePath));
        Assert.True(await TryCallGrainAsync(new ClientTls(cluster.Certificate, AcceptAnyServer: false, cluster)));
    }

    private async Task<bool> TryCallGrainAsync(ClientTls? tls)
    {
        var platform = fixture.Platform;
        using var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, platform.GatewayPort));
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = platform.ClusterId;
                    o.ServiceId = platform.ClusterId;
                });
                if (tls is not null)
                {
                    client.UseTls(tls.Certificate, o =>
                    {
                        o.LocalCertificate = tls.Certificate;
                        o.RemoteCertificateValidation = (remote, _, _) => tls.AcceptAnyServer || tls.Cluster!.IsTrusted(remote);
                    });
                }
            })
            .Build();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await host.StartAsync(timeout.Token);
            var course = host.Services.GetRequiredService<IClusterClient>().GetGrain<ICourseGrain>("tls-probe-" + Guid.NewGuid().ToString("N")[..8]);
            await course.Get().WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await host.StopAsync(stop.Token);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A client that never connected may fail to stop cleanly; what matters is the answer above.
            }
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=adaptivemooc-cluster", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private sealed record ClientTls(X509Certificate2 Certificate, bool AcceptAnyServer, ClusterCertificate? Cluster = null);
}
