"""A schematic map of Auvergne-Rhône-Alpes drawn in SVG: no tile server, no download, works offline.

Points are placed with an equirectangular projection corrected for latitude, precise enough to show
where a territory lies relative to the metropolises.
"""

import math

WIDTH, HEIGHT, MARGIN = 520, 420, 20
WEST, EAST, SOUTH, NORTH = 1.95, 7.3, 44.05, 46.85
_COS = math.cos(math.radians((SOUTH + NORTH) / 2))
_SCALE = min((WIDTH - 2 * MARGIN) / ((EAST - WEST) * _COS), (HEIGHT - 2 * MARGIN) / (NORTH - SOUTH))

# A simplified outline of the region (longitude, latitude), clockwise from the north-west.
REGION_OUTLINE = [
    (2.28, 46.42),
    (2.6, 46.65),
    (3.03, 46.8),
    (3.63, 46.5),
    (4.0, 46.2),
    (4.4, 46.3),
    (4.8, 46.25),
    (5.3, 46.45),
    (5.9, 46.3),
    (6.1, 46.2),
    (6.8, 46.4),
    (7.04, 45.93),
    (6.8, 45.7),
    (7.15, 45.4),
    (6.65, 45.1),
    (6.25, 44.85),
    (5.65, 44.5),
    (5.5, 44.15),
    (4.65, 44.3),
    (4.1, 44.35),
    (3.9, 44.6),
    (3.3, 44.85),
    (2.9, 44.8),
    (2.5, 44.6),
    (2.1, 44.9),
    (2.2, 45.4),
    (2.5, 45.7),
    (2.5, 46.0),
]

METROPOLISES = [
    ("Lyon", 45.764, 4.836),
    ("Saint-Étienne", 45.434, 4.39),
    ("Grenoble", 45.188, 5.724),
    ("Clermont-Ferrand", 45.778, 3.087),
]


def project(latitude, longitude):
    """Return the (x, y) position in the SVG of a point given in degrees."""
    x = MARGIN + (float(longitude) - WEST) * _COS * _SCALE
    y = MARGIN + (NORTH - float(latitude)) * _SCALE
    return round(x, 1), round(y, 1)


def region_path():
    """The SVG path data of the region's outline."""
    points = [project(lat, lng) for lng, lat in REGION_OUTLINE]
    return "M" + " L".join(f"{x},{y}" for x, y in points) + " Z"


def _label(x, y, offset=10):
    """Label position and anchor: to the right of a point in the west, to the left in the east,
    so that no label runs off the map."""
    if x > WIDTH / 2:
        return {"label_x": f"{x - offset:.1f}", "label_y": f"{y + 4:.1f}", "anchor": "end"}
    return {"label_x": f"{x + offset:.1f}", "label_y": f"{y + 4:.1f}", "anchor": "start"}


def metropolis_points():
    """The metropolises, as landmarks. Coordinates are strings: SVG wants a dot, never a localised comma."""
    points = []
    for name, lat, lng in METROPOLISES:
        x, y = project(lat, lng)
        points.append({"name": name, "x": f"{x - 4:.1f}", "y": f"{y - 4:.1f}", **_label(x, y + 12, offset=0)})
    return points


def territory_points(territories):
    """The territories that have coordinates, numbered in list order, with their position on the map."""
    points = []
    for territory in territories:
        if territory.has_point:
            x, y = project(territory.latitude, territory.longitude)
            points.append({"page": territory, "number": len(points) + 1, "x": f"{x:.1f}", "y": f"{y:.1f}"})
    return points
