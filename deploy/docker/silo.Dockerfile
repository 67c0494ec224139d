# The Orleans silo (also the migration step: docker run adaptivemooc/silo --migrate-only).
# Build from the repository root: docker build -f deploy/docker/silo.Dockerfile -t adaptivemooc/silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer stays cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grains/AdaptiveMooc.Grains.Abstractions/AdaptiveMooc.Grains.Abstractions.csproj grains/AdaptiveMooc.Grains.Abstractions/
COPY grains/AdaptiveMooc.Grains/AdaptiveMooc.Grains.csproj grains/AdaptiveMooc.Grains/
COPY ml-models/AdaptiveMooc.ML/AdaptiveMooc.ML.csproj ml-models/AdaptiveMooc.ML/
COPY silo/AdaptiveMooc.Silo/AdaptiveMooc.Silo.csproj silo/AdaptiveMooc.Silo/
RUN dotnet restore silo/AdaptiveMooc.Silo/AdaptiveMooc.Silo.csproj
COPY grains/ grains/
COPY ml-models/AdaptiveMooc.ML/ ml-models/AdaptiveMooc.ML/
COPY silo/ silo/
RUN dotnet publish silo/AdaptiveMooc.Silo/AdaptiveMooc.Silo.csproj -c Release --no-restore -o /out

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /out ./
# The shipped models (Mooc:Models:Path=/app/models); a volume may replace them.
COPY ml-models/models/ /app/models/
# The image's non-root user (uid 1654); nothing in /app is writable by it.
USER $APP_UID
EXPOSE 11111 30000
ENTRYPOINT ["dotnet", "AdaptiveMooc.Silo.dll"]
