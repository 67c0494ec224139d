using AdaptiveMooc.Grains.Accounts;
using AdaptiveMooc.Grains.Security;
using AdaptiveMooc.Silo;
using AdaptiveMooc.Silo.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// --migrate-only applies the database migrations and exits (./mooc up runs it before starting silos).
const string MigrateOnly = "--migrate-only";
var builder = Host.CreateApplicationBuilder([.. args.Where(a => a != MigrateOnly)]);
var settings = MoocSiloSettings.Read(builder.Configuration);
builder.Services.AddSocialGrains();
builder.Services.AddWebhookGrains();
builder.Services.AddLrsForwarding();

if (settings.InMemory)
{
    Console.Error.WriteLine(MoocSiloSettings.NotDurableWarning);
    if (args.Contains(MigrateOnly))
    {
        Console.Error.WriteLine("silo: --migrate-only needs Mooc:Storage=postgres.");
        return 2;
    }
}
else
{
    // Migrations run as the owner (ConnectionStrings:mooc-migrations) when one is configured, which then
    // grants the runtime role (Mooc:Database:RuntimeRole) its rights; the silo itself runs as that role.
    // Without an owner connection the silo's own connection must be able to migrate (a single-role setup).
    var ownerConnection = builder.Configuration.GetConnectionString(MoocSiloSettings.MigrationsConnectionStringName);
    await using var dataSource = NpgsqlDataSource.Create(string.IsNullOrWhiteSpace(ownerConnection) ? settings.ConnectionString! : ownerConnection);
    // With an owner role (Mooc:Database:OwnerRole) the scripts run as that role, not as the superuser of the
    // owner connection, and it takes over what an earlier run created as another role.
    var ownerRole = builder.Configuration["Mooc:Database:OwnerRole"];
    var asOwner = !string.IsNullOrWhiteSpace(ownerConnection) && !string.IsNullOrWhiteSpace(ownerRole);
    if (asOwner)
    {
        await OwnerRole.AdoptAsync(dataSource, ownerRole!);
    }

    var applied = await new MigrationRunner(dataSource) { Role = asOwner ? ownerRole : null }.ApplyAsync();
    Console.Error.WriteLine(applied.Count == 0
        ? $"silo: database schema up to date ({MigrationRunner.Embedded.Count} migrations)."
        : $"silo: applied migrations {string.Join(", ", applied)}.");
    var runtimeRole = builder.Configuration["Mooc:Database:RuntimeRole"];
    if (!string.IsNullOrWhiteSpace(ownerConnection) && !string.IsNullOrWhiteSpace(runtimeRole))
    {
        await RuntimeRole.GrantAsync(dataSource, runtimeRole);
        Console.Error.WriteLine($"silo: granted the runtime rights to role {runtimeRole}.");
    }
    if (args.Contains(MigrateOnly))
    {
        return 0;
    }
}

builder.AddMoocSiloTelemetry();
builder.UseOrleans(silo => silo.ConfigureMoocSilo(builder.Configuration).UseMoocTls(builder.Configuration)
    .UseMoocKubernetesHosting(builder.Configuration).UseMoocObservability(builder.Configuration));
builder.Services.AddMoocSecurityGrains(builder.Configuration);
builder.Services.AddMoocMailDispatcher();
var host = builder.Build();

// Taken before RunAsync: when start-up fails, RunAsync disposes the host (and its services) before throwing.
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
try
{
    await host.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // SIGTERM while the silo was still starting (./mooc down, or up giving up): a requested stop, not a crash.
    // Unhandled, it aborted the process (exit 134, core dump, "Aborted" from the shell).
}

return 0;
