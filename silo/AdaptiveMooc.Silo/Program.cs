var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddMemoryGrainStorage("Default"));
await builder.Build().RunAsync();
