# syntax=docker/dockerfile:1
# Kent and Medway Commissioning web app. Build: docker build -t kent-medway-commissioning .
# docker-compose.yml runs it together with PostgreSQL.

# 1. Front-end assets (NHS.UK frontend, htmx) into wwwroot/lib.
FROM node:20-bookworm-slim AS assets
WORKDIR /src/src/KentMedwayCommissioning.Web
# Package files first so the npm layer is cached until they change.
COPY src/KentMedwayCommissioning.Web/package.json src/KentMedwayCommissioning.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/KentMedwayCommissioning.Web/build-assets.mjs ./
RUN npm run build

# 2. Publish the web project.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KentMedwayCommissioning.Web/KentMedwayCommissioning.Web.csproj src/KentMedwayCommissioning.Web/
COPY src/KentMedwayCommissioning.Transparency/KentMedwayCommissioning.Transparency.csproj src/KentMedwayCommissioning.Transparency/
# Restore on its own layer so NuGet packages are cached until the project file changes; for the architecture the image
# is built for (BuildKit sets TARGETARCH; the legacy builder does not, and then the build machine's is taken), so that
# the publish below can compile ahead of time.
ARG TARGETARCH
RUN dotnet restore src/KentMedwayCommissioning.Web/KentMedwayCommissioning.Web.csproj -a "${TARGETARCH:-$(dpkg --print-architecture)}"
COPY src/ src/
# The register's checker, which the app serves from its verify page.
COPY tools/verify_register.py tools/
COPY --from=assets /src/src/KentMedwayCommissioning.Web/wwwroot/lib src/KentMedwayCommissioning.Web/wwwroot/lib
# ReadyToRun: the app and its packages are compiled ahead of time, so a new instance starts without JIT-compiling
# them first (start to /health/ready about 1.5 s rather than 2.5 s on a 2-core host; README, "Start-up").
RUN dotnet publish src/KentMedwayCommissioning.Web/KentMedwayCommissioning.Web.csproj \
    -c Release -o /app --no-restore -a "${TARGETARCH:-$(dpkg --print-architecture)}" --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false

# 3. Runtime image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
COPY --from=build /app ./
# Where docker-compose keeps the register's signing key: owned by the app's user so a new volume takes that owner.
RUN mkdir /keys && chown "$APP_UID" /keys
# The non-root user the official images provide.
USER $APP_UID
ENTRYPOINT ["dotnet", "KentMedwayCommissioning.Web.dll"]
