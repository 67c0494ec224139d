using AdaptiveMooc.Grains.Security;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddMoocSecurityGrains(builder.Configuration);
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddMemoryGrainStorage("Default"));
await builder.Build().RunAsync();
