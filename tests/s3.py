"""A real S3-compatible server on loopback (moto in server mode) and settings that point the archive at it."""

import socket

import boto3
import pytest
from moto.server import ThreadedMotoServer

BUCKET = "almaty-archive"
CREDENTIALS = {"aws_access_key_id": "portal", "aws_secret_access_key": "portal-secret", "region_name": "us-east-1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def storage_settings(endpoint: str, expire: int = 60) -> dict:
    from botocore.config import Config

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": endpoint,
            "region_name": CREDENTIALS["region_name"],
            "access_key": CREDENTIALS["aws_access_key_id"],
            "secret_key": CREDENTIALS["aws_secret_access_key"],
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": expire,
            "file_overwrite": False,
            "client_config": Config(
                connect_timeout=1, read_timeout=5, retries={"max_attempts": 1}, signature_version="s3v4"
            ),
        },
    }


@pytest.fixture
def s3_storage(s3_server, settings):
    """The archive's files in a fresh private bucket; yields a boto3 client to look inside it."""
    client = boto3.client("s3", endpoint_url=s3_server, **CREDENTIALS)
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET) if _exists(client) else []:
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    if not _exists(client):
        client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(s3_server)}
    yield client


def _exists(client) -> bool:
    return BUCKET in {bucket["Name"] for bucket in client.list_buckets()["Buckets"]}
