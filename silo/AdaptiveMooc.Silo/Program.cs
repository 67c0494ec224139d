using Microsoft.Extensions.DependencyInjection;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSocialGrains();
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddMemoryGrainStorage("Default"));
await builder.Build().RunAsync();
