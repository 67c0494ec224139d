# The HTTP API. Build from the repository root: docker build -f deploy/docker/api.Dockerfile -t adaptivemooc/api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grains/AdaptiveMooc.Grains.Abstractions/AdaptiveMooc.Grains.Abstractions.csproj grains/AdaptiveMooc.Grains.Abstractions/
COPY api/AdaptiveMooc.Api/AdaptiveMooc.Api.csproj api/AdaptiveMooc.Api/
RUN dotnet restore api/AdaptiveMooc.Api/AdaptiveMooc.Api.csproj
COPY grains/AdaptiveMooc.Grains.Abstractions/ grains/AdaptiveMooc.Grains.Abstractions/
COPY api/ api/
RUN dotnet publish api/AdaptiveMooc.Api/AdaptiveMooc.Api.csproj -c Release --no-restore -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out ./
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "AdaptiveMooc.Api.dll"]
